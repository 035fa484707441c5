package io.imgorigin.codec;

/**
 * Whether the JVM was started with the incubating vector API ({@code --add-modules=jdk.incubator.vector},
 * as the container and the tests are). The loops written with it are only loaded when it is; without
 * it, scalar loops that give the same results serve.
 */
public final class VectorModule {

    public static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorModule() {
    }
}
