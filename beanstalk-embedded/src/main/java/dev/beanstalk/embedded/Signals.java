package dev.beanstalk.embedded;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * SIGUSR1, where the JVM lets a program handle it (not on Windows). {@code sun.misc.Signal} of the jdk.unsupported
 * module is reached by reflection, because javac warns on every direct use and the build treats warnings as errors.
 */
final class Signals {

    private Signals() {
    }

    static boolean onUsr1(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == arguments[0];
                            default -> "SIGUSR1 handler";
                        };
                    });
            Object usr1 = signalClass.getConstructor(String.class).newInstance("USR1");
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, usr1, handler);
            return true;
        } catch (InvocationTargetException e) {
            System.err.println("beanstalkd: SIGUSR1 cannot be handled here (" + e.getCause().getMessage()
                    + "); drain mode is unavailable");
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("beanstalkd: SIGUSR1 cannot be handled here (" + e + "); drain mode is unavailable");
            return false;
        }
    }
}
