package io.vclip.trainer.cli;

import picocli.CommandLine;

/** Reads the version Maven stamped into the jar manifest, so it is never written twice. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VclipCommand.class.getPackage().getImplementationVersion();
    return new String[] {"vclip " + (v == null ? "(development build)" : v)};
  }
}
