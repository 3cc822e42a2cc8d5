package dev.prodet.spark.internal.cli;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a job. The master is {@code --master} if given, else what {@code spark-submit} set, else
 * {@code local[*]} (all cores of this machine, nothing to install). A local session runs no web UI; it and a session
 * whose master is on a loopback address bind the driver to the loopback address. For any other master, the application's jars listed in the system property
 * {@value #JARS_PROPERTY} (set by {@code ./prodet}) are shipped to the executors, natives included.
 */
public final class Sessions {

    /** System property with the comma-separated jars executors need (the launcher sets it). */
    public static final String JARS_PROPERTY = "prodet.spark.jars";

    private static final Pattern LOOPBACK_MASTER =
            Pattern.compile("spark://(127\\.[0-9.]+|localhost|\\[::1\\]):[0-9]+");

    private Sessions() {}

    /** Starts (or joins) the session. */
    public static SparkSession open(String appName, String master, List<String> conf) {
        SparkConf c = new SparkConf().setAppName(appName);
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster("local[*]");
        }
        String url = c.get("spark.master");
        if (url.startsWith("local")) {
            c.setIfMissing("spark.ui.enabled", "false");
        }
        if (url.startsWith("local") || LOOPBACK_MASTER.matcher(url).matches()) { // all on this machine
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!url.startsWith("local")) {
            String jars = System.getProperty(JARS_PROPERTY);
            if (jars != null && !jars.isBlank() && !c.contains("spark.jars")) {
                c.set("spark.jars", jars);
            }
        }
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            c.set(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return SparkSession.builder().config(c).getOrCreate();
    }
}
