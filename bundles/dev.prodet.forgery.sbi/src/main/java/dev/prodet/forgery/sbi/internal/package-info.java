/** The SBI generator component: self-blended images as ProDet makes them (docs/method.md §4.1). Not exported. */
package dev.prodet.forgery.sbi.internal;
