/**
 * The command line ({@code ./paretoprune}): Picocli commands over the experiments and reporting
 * modules. A user's mistake becomes one line on stderr and exit code 2; a failed run exit code 1.
 */
package io.paretoprune.cli;
