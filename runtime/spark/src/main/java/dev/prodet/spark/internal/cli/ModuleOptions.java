package dev.prodet.spark.internal.cli;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark needs on Java 17 ({@code --add-opens} for the packages it reaches into), as
 * {@code spark-submit} adds them; the launcher puts them on the driver's command line when it starts Spark itself.
 */
public final class ModuleOptions {

    private ModuleOptions() {}

    /** Prints the options, space-separated, on one line. */
    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
