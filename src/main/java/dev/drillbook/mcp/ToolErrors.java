package dev.drillbook.mcp;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every exception a {@code @Tool} method throws becomes a tool result with {@code isError} and the exception's own
 * message, so that the assistant reads why (a query with an unclosed quote, an empty one) and can fix its call, instead
 * of a JSON-RPC -32603 "Internal error". The extension's {@code @WrapBusinessError} does the same but words the result
 * as the exception's class name followed by the message, which is noise for the model.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ToolErrors {

    @ToolErrors
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE)
    class AsResults {

        private static final Logger LOG = Logger.getLogger(ToolErrors.class);

        @AroundInvoke
        Object call(InvocationContext ctx) throws Exception {
            if (!ctx.getMethod().isAnnotationPresent(Tool.class)) {
                return ctx.proceed();
            }
            try {
                return ctx.proceed();
            } catch (ToolCallException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof RuntimeException) {
                    // not an answer to bad input but a failure: worth the stack trace in the log
                    LOG.warnf(e, "MCP tool %s failed", ctx.getMethod().getName());
                }
                String message = e.getMessage() == null || e.getMessage().isBlank()
                        ? "The tool failed (" + e.getClass().getSimpleName() + "); the server log has the details." : e.getMessage();
                throw new ToolCallException(message, e);
            }
        }
    }
}
