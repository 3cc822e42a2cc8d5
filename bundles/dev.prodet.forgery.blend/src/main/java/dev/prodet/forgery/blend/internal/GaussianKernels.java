package dev.prodet.forgery.blend.internal;

/**
 * One-dimensional Gaussian kernels with the exact rules of OpenCV's {@code getGaussianKernel} and SciPy's
 * {@code gaussian_filter}.
 */
public final class GaussianKernels {

    // OpenCV 4.x (getGaussianKernelBitExact) uses fixed binomial-like tables for sigma <= 0 and sizes 1..9; the
    // sigma formula only applies from 11 up (docs/method.md §9.2). Values checked against cv2.getGaussianKernel 4.6.
    private static final double[][] OPENCV_FIXED = {
        {1.0},
        {0.25, 0.5, 0.25},
        {0.0625, 0.25, 0.375, 0.25, 0.0625},
        {0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125},
        {0.015625, 0.05078125, 0.1171875, 0.19921875, 0.234375, 0.19921875, 0.1171875, 0.05078125, 0.015625},
    };

    private GaussianKernels() {}

    /**
     * OpenCV's kernel for {@code GaussianBlur(src, (size, size), sigma)}.
     *
     * @param size odd kernel size, &ge; 1
     * @param sigma standard deviation; &le; 0 means OpenCV's automatic choice
     *     {@code 0.3 * ((size - 1) / 2 - 1) + 0.8}, or the fixed table for sizes up to 9
     */
    public static float[] opencv(int size, double sigma) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("Gaussian kernel size must be odd and >= 1, got: " + size);
        }
        if (!(sigma == sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must not be NaN");
        }
        float[] k = new float[size];
        if (sigma <= 0 && size <= 9) {
            double[] fixed = OPENCV_FIXED[size / 2];
            for (int i = 0; i < size; i++) {
                k[i] = (float) fixed[i];
            }
            return k;
        }
        double s = sigma > 0 ? sigma : autoSigma(size);
        return normalised(size, s);
    }

    /** OpenCV's automatic sigma for a kernel size: {@code 0.3 * ((size - 1) * 0.5 - 1) + 0.8}. */
    public static double autoSigma(int size) {
        return 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
    }

    /**
     * SciPy's {@code gaussian_filter} kernel: radius {@code (int) (truncate * sigma + 0.5)}, weights
     * {@code exp(-x^2 / (2 sigma^2))} normalised to sum 1.
     */
    public static float[] scipy(double sigma, double truncate) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be finite and > 0, got: " + sigma);
        }
        if (!(truncate > 0) || Double.isInfinite(truncate)) {
            throw new IllegalArgumentException("Gaussian truncate must be finite and > 0, got: " + truncate);
        }
        int radius = (int) (truncate * sigma + 0.5);
        return normalised(2 * radius + 1, sigma);
    }

    private static float[] normalised(int size, double sigma) {
        double[] d = new double[size];
        double scale = -0.5 / (sigma * sigma);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double x = i - (size - 1) * 0.5;
            d[i] = Math.exp(scale * x * x);
            sum += d[i];
        }
        float[] k = new float[size];
        for (int i = 0; i < size; i++) {
            k[i] = (float) (d[i] / sum);
        }
        return k;
    }
}
