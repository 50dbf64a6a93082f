/** The {@code mer4j} command line (picocli): {@code synth}, {@code run}, {@code quickstart}, {@code validate}. */
package org.mer4j.cli;
