package dev.sluice.declarative.custom.examples;

/** A public class that implements no slot's interface: naming it is a config error. */
public final class NotAComponent {
}
