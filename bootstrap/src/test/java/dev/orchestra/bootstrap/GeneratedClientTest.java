package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.client.ApiClient;
import dev.orchestra.client.ApiException;
import dev.orchestra.client.ApiResponse;
import dev.orchestra.client.api.AgentsApi;
import dev.orchestra.client.api.TasksApi;
import dev.orchestra.client.model.AgentRequest;
import dev.orchestra.client.model.AgentResponse;
import dev.orchestra.client.model.ClaimRequest;
import dev.orchestra.client.model.CompleteRequest;
import dev.orchestra.client.model.EnqueueRequest;
import dev.orchestra.client.model.TaskResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The life of a task through a client generated at build time from docs/openapi.json (which another
 * test keeps equal to the served document), with no hand edits: if the document lies, this breaks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTest {
    private static final String TENANT = "generated-client";
    @TempDir
    static Path directory;
    @Value("${local.server.port}")
    int port;
    AgentsApi agents;
    TasksApi tasks;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("orchestra.storage.path", () -> directory.resolve("orchestra.db").toString());
    }

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(port).setBasePath("");
        agents = new AgentsApi(client);
        tasks = new TasksApi(client);
    }

    @Test
    void givenTheGeneratedClient_registerEnqueueClaimStartComplete_followsTheTaskToCompleted() throws Exception {
        ApiResponse<AgentResponse> registered = agents.registerAgentWithHttpInfo(new AgentRequest().id("agent-1")
                .name("Agent 1").type("claude-code").repositoryPath("/repo/demo").addCapabilitiesItem("git")
                ._configuration(Map.of("model", "opus")), TENANT, "tester");
        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(registered.getHeaders().get("location")).containsExactly("/api/v1/agents/agent-1");
        assertThat(registered.getData().getStatus()).isEqualTo(AgentResponse.StatusEnum.IDLE);
        TaskResponse enqueued = tasks.enqueueTask(new EnqueueRequest().id("task-1").command("npm test")
                .repositoryPath("/repo/demo").priority(EnqueueRequest.PriorityEnum.HIGH), TENANT, "tester");
        assertThat(enqueued.getStatus()).isEqualTo(TaskResponse.StatusEnum.PENDING);

        TaskResponse claimed = tasks.claimTask(new ClaimRequest().agentId("agent-1"), TENANT, "agent-1");
        TaskResponse started = tasks.startTask("task-1", claimed.getLeaseToken(), TENANT, "agent-1");
        TaskResponse completed = tasks.completeTask("task-1", claimed.getLeaseToken(), TENANT, "agent-1",
                new CompleteRequest().result("all green"));

        assertThat(claimed.getStatus()).isEqualTo(TaskResponse.StatusEnum.ASSIGNED);
        assertThat(claimed.getLeaseToken()).isNotBlank();
        assertThat(started.getStatus()).isEqualTo(TaskResponse.StatusEnum.IN_PROGRESS);
        assertThat(completed.getStatus()).isEqualTo(TaskResponse.StatusEnum.COMPLETED);
        assertThat(completed.getResult()).isEqualTo("all green");
        assertThat(tasks.getTask("task-1", TENANT, null).getLeaseToken()).isNull();
        assertThat(agents.getAgent("agent-1", TENANT, null).getStatistics().getCompleted()).isEqualTo(1);
        assertThat(tasks.claimTaskWithHttpInfo(new ClaimRequest().agentId("agent-1"), TENANT, null).getStatusCode())
                .isEqualTo(204);
    }

    @Test
    void givenTheGeneratedClient_aRefusedCall_carriesTheProblem() {
        assertThatThrownBy(() -> tasks.enqueueTask(new EnqueueRequest().command("").repositoryPath("/r"), TENANT,
                null)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"field\":\"command\"");
                });
    }
}
