package dev.plugboard.adapter.rest.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request was refused before it was read to the end (414, 431) the way nginx's
 * "lingering close" does: the answer is flushed, the sending side is shut (FIN), and what the client still
 * sends is read and dropped until it closes too, or for at most {@link #LINGER_MILLIS} and
 * {@link #MAX_DRAINED_BYTES}. Closing at once, with the rest of the request unread, makes the kernel reset
 * the connection, and a client still sending its body loses the answer already written (found by the HTTP
 * fuzzer: "header parser received no bytes" instead of 414).
 *
 * <p>It sits first in each connection's pipeline, so it sees the close Micronaut issues after the answer.
 * Only connections marked with {@link #requestFor} linger; every other close is immediate.
 */
public final class LingeringClose extends ChannelDuplexHandler {

    static final String NAME = "plugboard-lingering-close";
    static final long LINGER_MILLIS = 2_000;
    static final long MAX_DRAINED_BYTES = 1024 * 1024;

    private static final AttributeKey<Boolean> REQUESTED = AttributeKey.valueOf("plugboard.lingering-close");

    private boolean lingering;
    private long drained;
    private ChannelPromise closing;

    /** Asks for a lingering close of this connection when the server closes it (after the current answer). */
    public static void requestFor(Channel channel) {
        channel.attr(REQUESTED).set(Boolean.TRUE);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering) {
            closing.addListener(done -> promise.trySuccess());
            return;
        }
        Channel channel = ctx.channel();
        if (!Boolean.TRUE.equals(channel.attr(REQUESTED).get()) || !(channel instanceof DuplexChannel duplex)
                || !channel.isActive() || duplex.isInputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        closing = promise.unvoid();
        // The empty write completes only after everything written before it is on the wire.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> duplex.shutdownOutput());
        ctx.executor().schedule(() -> closeNow(ctx), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        channel.config().setAutoRead(true);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!lingering) {
            ctx.fireChannelRead(msg);
            return;
        }
        drained += msg instanceof ByteBuf bytes ? bytes.readableBytes()
                : msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
        ReferenceCountUtil.release(msg);
        if (drained > MAX_DRAINED_BYTES) {
            closeNow(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!lingering) {
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (lingering) {
            closing.trySuccess();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (lingering) {
            closeNow(ctx); // the client reset the connection while we drained it: nothing is lost any more
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void closeNow(ChannelHandlerContext ctx) {
        if (ctx.channel().isOpen()) {
            ctx.close(closing);
        } else {
            closing.trySuccess();
        }
    }
}
