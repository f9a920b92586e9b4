package com.quotebus.app;

/** The client tools of the jar (quote, kline, …, admin), run by {@code com.quotebus.cli.Cli}. */
final class ClientCommands {
    private ClientCommands() {}

    static int run(String command, String[] args) {
        try {
            Class<?> cli = Class.forName("com.quotebus.cli.Cli");
            String[] all = new String[args.length + 1];
            all[0] = command;
            System.arraycopy(args, 0, all, 1, args.length);
            return (int) cli.getMethod("run", String[].class, java.io.PrintStream.class, java.io.PrintStream.class)
                    .invoke(null, all, System.out, System.err);
        } catch (ClassNotFoundException e) {
            System.err.println("unknown command '" + command + "' (see --help)");
            return 1;
        } catch (ReflectiveOperationException e) {
            System.err.println(command + ": " + e.getCause());
            return 2;
        }
    }
}
