package dev.orchestra.adapter.rest.openapi;

import dev.orchestra.adapter.rest.RestApi;
import dev.orchestra.adapter.rest.access.CallerResolver;
import dev.orchestra.adapter.rest.shared.Versions;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.TenantId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document, made exact where springdoc's inference is not: no internal parameters,
 * the tenant and user headers on every operation, the real success codes with {@code Location} and
 * {@code ETag}, every error as a problem, JSON objects as objects, durations as formatted strings, and
 * "may be null" wherever a property is not required. A generated client can trust it; the REST tests
 * check every response they receive against it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocument {
    public static final String PROBLEM = "Problem";
    static final String BEARER = "apiKey";
    /**
     * An ISO-8601 duration as Java writes and reads it (PT1M30S, PT0.25S, P7D). Not JSON Schema's
     * "duration" format: that is RFC 3339's, which has no fractions of a second.
     */
    public static final String DURATION = "^-?P(?:[0-9]+D)?(?:T(?:-?[0-9]+H)?(?:-?[0-9]+M)?(?:-?[0-9]+(?:[.][0-9]{1,9})?S)?)?$";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(Caller.class)
                .replaceWithSchema(JsonNode.class, new ObjectSchema()
                        .description("any JSON object"))
                .replaceWithSchema(Duration.class, new StringSchema().pattern(DURATION)
                        .description("an ISO-8601 duration such as PT1M30S").example("PT1M"));
    }

    @Bean
    OpenAPI orchestraOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Orchestra Store API").version("v1")
                        .description("The persistent memory of an AI-agent orchestrator: agents, the task queue, "
                                + "repositories, preferences, task templates, analytics, workflows, circuit breakers, "
                                + "routing audit, chat history and legacy imports. "
                                + "Errors are RFC 9457 problems (application/problem+json)."))
                // Relative, so the document is the same on every host and port (and can be kept in docs/).
                .servers(List.of(new Server().url("/").description("this service")))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList(BEARER))
                .components(callerHeaders(problemResponses(new Components())).addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BEARER, new io.swagger.v3.oas.models.security.SecurityScheme()
                                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("osk_ and 43 characters")
                                .description("An API key ('orchestra keys create' or POST /api/v1/admin/api-keys), "
                                        + "sent as 'Authorization: Bearer <secret>'. Once any key is stored every "
                                        + "call needs one (health and this document excepted); before that, only "
                                        + "callers on the service's own machine are served, without a key."))
                        .addSchemas("ProblemField", new ObjectSchema()
                                .addProperty("field", new StringSchema().description("where: a property path"))
                                .addProperty("message", new StringSchema())
                                .required(List.of("field", "message"))));
    }

    private static Components problemResponses(Components components) {
        ERRORS.forEach((code, description) -> components.addResponses("Problem" + code, problem(description)));
        return components;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong and where")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemField"))
                        .description("one entry per refused field"))
                .addProperty("from", new StringSchema().description("an illegal transition: the current status"))
                .addProperty("to", new StringSchema().description("an illegal transition: the status asked for"))
                .addProperty("report", new Schema<>().$ref("#/components/schemas/MigrationReport")
                        .description("a refused legacy import: the full report"))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }

    /** Headers, success codes and error responses of each operation. */
    @Bean
    OperationCustomizer orchestraOperations() {
        return (operation, handler) -> {
            addCallerHeaders(operation);
            describeVersionHeaders(operation);
            successHeaders(operation, handler);
            errorResponses(operation, handler);
            return operation;
        };
    }

    private static void addCallerHeaders(Operation operation) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/TenantId"));
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/UserId"));
    }

    private static Components callerHeaders(Components components) {
        return components
                .addParameters("TenantId", new HeaderParameter().name(CallerResolver.TENANT_HEADER).required(false)
                        .description("the tenant whose data this call sees (default: default); with an API key, "
                                + "the key's tenant, which only an ADMIN key may change by naming another here")
                        .schema(new StringSchema().pattern(TenantId.PATTERN).maxLength(64)))
                .addParameters("UserId", new HeaderParameter().name(CallerResolver.USER_HEADER).required(false)
                        .description("who is acting, recorded in the audit trail (default: api); with an API key "
                                + "the key's id and name are recorded instead")
                        .schema(new StringSchema().maxLength(128)));
    }

    private static void describeVersionHeaders(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (Versions.IF_MATCH.equals(parameter.getName())) {
                parameter.description("the ETag of the version read, such as \"3\"; required to change or delete "
                        + "an existing resource (428 without it)").schema(new StringSchema().pattern("^(W/)?\"?[0-9]+\"?$"));
            } else if ("X-Lease-Token".equals(parameter.getName())) {
                parameter.description("the leaseToken the claim answered; a missing or superseded one is 409");
            }
        }
    }

    private static void successHeaders(Operation operation, HandlerMethod handler) {
        ResponseStatus status = handler.getMethodAnnotation(ResponseStatus.class);
        boolean created = status != null && (status.code() == HttpStatus.CREATED || status.value() == HttpStatus.CREATED);
        boolean versioned = returnsVersioned(handler);
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((code, response) -> {
            if (created && code.equals("201") && versioned) {
                response.addHeaderObject("Location", new Header().description("where the created resource is")
                        .schema(new StringSchema()));
            }
            if (versioned && (code.equals("200") || code.equals("201"))) {
                response.addHeaderObject("ETag", new Header().description("the version, as \"3\"; send it back "
                        + "as If-Match to change the resource").schema(new StringSchema()));
            }
        });
    }

    private static boolean returnsVersioned(HandlerMethod handler) {
        Type type = handler.getMethod().getGenericReturnType();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ResponseEntity.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> body && body.isRecord()) {
            for (var component : body.getRecordComponents()) {
                if (component.getName().equals("version")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The problems an operation may answer, each a shared response of the components. */
    static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "invalid input: the problem names each refused field");
        ERRORS.put("401", "no API key, or one that is unknown, revoked or malformed (once any key is stored)");
        ERRORS.put("403", "the key's role may not make this call, or an AGENT key acts for another agent");
        ERRORS.put("404", "no such resource in this tenant");
        ERRORS.put("406", "the Accept header allows no JSON answer");
        ERRORS.put("409", "a conflict: a stale version, a duplicate, or a move the status machine refuses");
        ERRORS.put("413", "the body is larger than accepted");
        ERRORS.put("415", "the Content-Type is not accepted");
        ERRORS.put("428", "If-Match is required to change an existing resource");
        ERRORS.put("500", "the service failed (the log has the details)");
        ERRORS.put("503", "the store is busy (problem type store-busy) or being restored (restoring, with Retry-After); retry later");
        ERRORS.put("507", "the disk holding the store is full: nothing of the write was kept; retry once space is freed");
    }

    private static void errorResponses(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<String> codes = new java.util.ArrayList<>(List.of("400", "401", "403", "404", "406", "500", "503"));
        if (handler.getMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class) == null) {
            codes.add("409");
            codes.add("507");
        }
        if (operation.getRequestBody() != null) {
            codes.add("413");
            codes.add("415");
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Versions.IF_MATCH.equals(p.getName()))) {
            codes.add("428");
        }
        for (String code : codes) {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/Problem" + code));
            }
        }
        operation.setResponses(responses);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /**
     * Nullability and {@code required}, which springdoc cannot infer from records: an answer writes every
     * property, so all are required, and those not marked {@code @NotNull} may be null; in a request,
     * what is not required may be left out or sent as null.
     */
    @Bean
    OpenApiCustomizer orchestraSchemas() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().entrySet().removeIf(e -> !e.getKey().startsWith(RestApi.BASE));
                openApi.getPaths().values().forEach(OpenApiDocument::sortResponses);
            }
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            Set<String> answers = new TreeSet<>();
            Set<String> requests = new TreeSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().forEach((code, response) -> {
                            if (code.startsWith("2") && response.getContent() != null) {
                                response.getContent().values().forEach(media ->
                                        collect(media.getSchema(), schemas, answers));
                            }
                        });
                    }
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().values().forEach(media ->
                                collect(media.getSchema(), schemas, requests));
                    }
                }));
            }
            // A schema that requests use too (a template's steps) keeps what a request must send as required.
            answers.removeAll(requests);
            answers.remove(PROBLEM);
            answers.remove("ProblemField");
            schemas.forEach((name, schema) -> nullability(schema, answers.contains(name)));
            openApi.getComponents().setSchemas(new LinkedHashMap<>(new TreeMap<>(schemas)));
        };
    }

    @SuppressWarnings("rawtypes")
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        collect(schema.getItems(), schemas, names);
        if (schema.getAdditionalProperties() instanceof Schema values) {
            collect(values, schemas, names);
        }
        if (schema.getAllOf() != null) {
            for (Object part : schema.getAllOf()) {
                collect((Schema) part, schemas, names);
            }
        }
        if (schema.getProperties() != null) {
            for (Object property : schema.getProperties().values()) {
                collect((Schema) property, schemas, names);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullability(Schema schema, boolean answer) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> nonNull = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
        Map<String, Schema> result = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            if (nonNull.contains(name)) {
                result.put(name, property);
            } else if (property.get$ref() != null) {
                result.put(name, new Schema<>().allOf(List.of(property)).nullable(true));
            } else {
                result.put(name, property.nullable(true));
            }
        });
        schema.setProperties(result);
        if (answer) {
            schema.setRequired(List.copyOf(properties.keySet()));
            // An answer-only object may itself be absent where another answer refers to it (a decision
            // without its outcome yet); the allOf wrapper's nullable does not reach into the reference.
            schema.setNullable(true);
        }
    }

    private static void sortResponses(PathItem item) {
        item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                ApiResponses sorted = new ApiResponses();
                new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
                operation.setResponses(sorted);
            }
        });
    }
}
