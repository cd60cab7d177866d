package org.surveillanceoversight.deployment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/quarkus-app/quarkus-run.jar). */
@QuarkusIntegrationTest
public class DeploymentResourceIT extends DeploymentResourceTest {
}
