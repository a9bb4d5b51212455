package dev.nps.cli;

import dev.nps.api.NpsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nps} command. Exit codes: 0 success, 1 an unexpected failure, 2 bad usage or unusable input (a missing
 * or unreadable file, no score column, a bad option value); every error names the problem and the fix on stderr.
 */
@Command(name = "nps", mixinStandardHelpOptions = true, version = "nps 0.1.0-SNAPSHOT",
        description = "Net Promoter Score tools for people with an export and no code.",
        subcommands = {AnalyzeCommand.class, ImportCommand.class, ReportCommand.class, ServeCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class NpsCommand implements Runnable {
    /** Exit code for bad usage or unusable input. {@value} */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. nps analyze FILE");
    }

    /**
     * @return the command line, configured with the exit codes and error messages described on this class; the
     *         caller may redirect its output with {@link CommandLine#setOut} and {@link CommandLine#setErr}
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NpsCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof NpsException || e instanceof InputProblem) {
                err.println("nps " + commandLine.getCommandName() + ": " + e.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            err.println("nps " + commandLine.getCommandName() + ": unexpected failure: " + e);
            err.flush();
            return 1;
        });
        return cl;
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** An input the command cannot use; the message says what and how to fix it. */
    static final class InputProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputProblem(String message) {
            super(message);
        }
    }
}
