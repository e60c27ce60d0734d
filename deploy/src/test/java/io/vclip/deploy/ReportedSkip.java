package io.vclip.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test when a tool or input is missing, and says so on stderr too, so no skip passes unseen. */
final class ReportedSkip {
    private ReportedSkip() {}

    static void unless(boolean condition, String what, String reason) {
        if (!condition) {
            System.err.println("SKIPPED " + what + ": " + reason);
        }
        assumeTrue(condition, reason);
    }
}
