package dev.orchestra.adapter.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.orchestra.adapter.rest.access.CallerResolver;
import dev.orchestra.adapter.rest.shared.ProblemErrorValve;
import dev.orchestra.adapter.rest.shared.RequestGuard;
import dev.orchestra.adapter.rest.shared.SingleValuedParameters;
import dev.orchestra.adapter.rest.shared.WireValues;
import dev.orchestra.domain.chat.MessageAttachment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

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
    /** An attachment's 10 MiB and room for the multipart headers around it. */
    public static final long MAX_ATTACHMENT_BODY_BYTES = MessageAttachment.MAX_BYTES + 64L * 1024;

    /**
     * A typo such as "priorty" is refused, not ignored; enum values are names, never numbers; and no
     * scalar is converted into another: {@code "name":123}, {@code "maxConcurrentTasks":"2"} or {@code ""},
     * {@code 1.5} for an integer and {@code 2} for a boolean are 400s, as is a null inside an array or map.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(strict -> {
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        strict.setCoercion(shape, CoercionAction.Fail);
                    }
                    strict.setAcceptBlankAsEmpty(false);
                })
                // An integer is a number too: "value": 1 for a double (a decimal is never taken for an integer).
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("orchestra-wire")
                        .addDeserializer(Duration.class, new WireValues.DurationText())
                        .addDeserializer(Instant.class, new WireValues.InstantText()));
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard() {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
                new RequestGuard(MAX_BODY_BYTES, List.of(
                        new RequestGuard.Limit(Pattern.compile(Pattern.quote(BASE + "/admin/imports/legacy")),
                                MAX_LEGACY_UPLOAD_BYTES),
                        // An attachment of 10 MiB and its multipart framing; a larger one is refused unread.
                        new RequestGuard.Limit(Pattern.compile(Pattern.quote(BASE + "/chat/messages/")
                                + "[^/]+/attachments"), MAX_ATTACHMENT_BODY_BYTES))));
        registration.addUrlPatterns(BASE + "/*");
        return registration;
    }

    /** After the request guard: a request refused as malformed says so even while a restore runs. */
    @Bean
    FilterRegistrationBean<dev.orchestra.adapter.rest.admin.RestoreGate> restoreGate(
            org.springframework.beans.factory.ObjectProvider<dev.orchestra.application.maintenance.StoreBackups>
                    backups) {
        FilterRegistrationBean<dev.orchestra.adapter.rest.admin.RestoreGate> registration =
                new FilterRegistrationBean<>(new dev.orchestra.adapter.rest.admin.RestoreGate(backups::getObject));
        registration.addUrlPatterns(BASE + "/*");
        return registration;
    }

    /** Tomcat reports what it refuses before any servlet runs (bad paths, huge headers) as problems too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Duration.class, WireValues::duration);
        registry.addConverter(String.class, Instant.class, WireValues::instant);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SingleValuedParameters()).addPathPatterns(BASE + "/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }
}
