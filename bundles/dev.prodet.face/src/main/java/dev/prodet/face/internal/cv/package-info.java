/**
 * Small OpenCV helpers of the face pipeline: conversion between {@code RgbImage} and OpenCV {@code Mat}, the 2-D
 * similarity transform with its least-squares (Umeyama) fit, and a pool for native objects that are not
 * thread-safe.
 */
package dev.prodet.face.internal.cv;
