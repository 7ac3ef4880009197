package dev.orchestra.adapter.rest;

import dev.orchestra.adapter.rest.shared.BodySizeLimit;
import dev.orchestra.adapter.rest.shared.CallerResolver;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * The HTTP adapter: its controllers and advice, and the strict JSON rules of REST-API.md. Imported by
 * the application; the scan stays inside this package, so it never reaches the core.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestApi.class)
public class RestApi implements WebMvcConfigurer {
    public static final String BASE = "/api/v1";
    /** A batch of 10,000 tasks of 2,000-character commands stays under this. */
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Legacy state files of real users reach hundreds of megabytes. */
    public static final long MAX_LEGACY_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

    /** A typo such as "priorty" is refused, not ignored; enum values are names, never numbers. */
    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(MAX_BODY_BYTES, BASE + "/admin/imports/legacy", MAX_LEGACY_UPLOAD_BYTES));
        registration.addUrlPatterns(BASE + "/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }
}
