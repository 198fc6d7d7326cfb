package io.gatehouse.bench.peers;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers each decoded request head with a full response; writes are flushed once per read batch,
 * so pipelined requests leave in one write as Netty's own examples do.
 *
 * {@snippet :
 * ch.pipeline().addLast(new HttpServerCodec(), new NettyHelloHandler());
 * }
 */
public final class NettyHelloHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                respond(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void respond(ChannelHandlerContext ctx, HttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response = switch (path) {
            case "/" -> response(HttpResponseStatus.OK, "text/plain", Bodies.HELLO);
            case "/json" -> response(HttpResponseStatus.OK, "application/json", Bodies.json());
            case "/64k" -> response(HttpResponseStatus.OK, "application/octet-stream", Bodies.SIXTY_FOUR_KIB);
            default -> response(HttpResponseStatus.NOT_FOUND, "text/plain", new byte[0]);
        };
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.write(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.wrappedBuffer(body));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, type)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
