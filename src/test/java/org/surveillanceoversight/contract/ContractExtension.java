package org.surveillanceoversight.contract;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Registered for every test class (JUnit extension auto-detection, switched on in the POM): puts
 * SpecValidationFilter among REST Assured's global filters. Quarkus may load a test class in a
 * class loader of its own, so the filter is installed through that class loader's REST Assured.
 */
public class ContractExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class<?> restAssured = Class.forName("io.restassured.RestAssured", true, loader);
        Class<?> filterType = Class.forName("io.restassured.filter.Filter", true, loader);
        Class<?> ours = Class.forName(SpecValidationFilter.class.getName(), true, loader);
        List<?> installed = (List<?>) restAssured.getMethod("filters").invoke(null);
        if (installed.stream().noneMatch(ours::isInstance)) {
            Object filter = ours.getDeclaredConstructor().newInstance();
            Object array = java.lang.reflect.Array.newInstance(filterType, 0);
            restAssured.getMethod("filters", filterType, array.getClass()).invoke(null, filter, array);
        }
    }
}
