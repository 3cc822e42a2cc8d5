/** Regularizer strategy plugins: ProDet's oriented progressive regularizer (opr-tb) and plain hybrid training. */
package dev.prodet.regularizer.opr.internal;
