package dev.methodguard.examples.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with MethodGuard on a random loopback port, its startup log captured. Every test class
 * uses this one annotation, so Spring's test context cache starts the guarded application once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MethodGuardLog.class)
@SpringBootTest(classes = {Application.class, Downstream.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@interface GuardedAppTest {
}
