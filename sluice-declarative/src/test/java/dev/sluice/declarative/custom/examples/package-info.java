/**
 * One example class per custom component slot, named by the manifests of
 * {@code dev.sluice.declarative.custom.CustomComponentsEndToEndTest}; each leaves a mark in the output that only it
 * could make.
 */
package dev.sluice.declarative.custom.examples;
