package com.quotebus.app;

import com.quotebus.cli.Cli;

/** The client tools of the jar (quote, kline, minute, ticks, pricevol, indicator, instruments, admin). */
final class ClientCommands {
    private ClientCommands() {}

    static int run(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all, System.out, System.err);
    }
}
