/**
 * The {@code gatehouse} command line, built with picocli.
 *
 * <p>{@link io.gatehouse.cli.Main} is the runnable jar's entry point. {@code serve} loads an
 * {@link io.gatehouse.spec.Application} with {@link io.gatehouse.cli.AppLoader} and runs it on the
 * server; its flags come from the settings registry {@link io.gatehouse.cli.ServeSettings}, from
 * which {@code docs/settings.md} is generated too ({@link io.gatehouse.cli.SettingsDoc}).
 *
 * {@snippet :
 * int code = Main.run(new String[] {"serve", "examples.hello.HelloApp", "--bind", ":8000"},
 *     System.out, System.err);
 * }
 */
package io.gatehouse.cli;
