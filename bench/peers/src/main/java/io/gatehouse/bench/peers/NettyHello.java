package io.gatehouse.bench.peers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Netty 4.2 with its HTTP/1.1 codec ({@link HttpServerCodec}) and our {@link NettyHelloHandler},
 * on the NIO transport (the JDK's selector, epoll underneath on Linux); Netty's native epoll
 * transport is not used because its 4.2 native jars are not on the Maven Central this project
 * reaches. One event loop per available processor.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.NettyHello 19000
 * }
 */
public final class NettyHello {

    private NettyHello() {
    }

    /** @param args the port */
    public static void main(String[] args) throws InterruptedException {
        int port = Ports.fromArgs(args, "NettyHello");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
            NioIoHandler.newFactory());
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new NettyHelloHandler());
                }
            })
            .bind("127.0.0.1", port)
            .sync()
            .channel()
            .closeFuture()
            .sync();
    }
}
