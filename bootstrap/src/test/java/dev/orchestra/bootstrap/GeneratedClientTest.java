package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.client.ApiClient;
import dev.orchestra.client.ApiException;
import dev.orchestra.client.ApiResponse;
import dev.orchestra.client.api.AgentsApi;
import dev.orchestra.client.api.ChatApi;
import dev.orchestra.client.api.RoutingDecisionsApi;
import dev.orchestra.client.api.TasksApi;
import dev.orchestra.client.api.WorkflowDefinitionsApi;
import dev.orchestra.client.api.WorkflowExecutionsApi;
import dev.orchestra.client.model.AgentRequest;
import dev.orchestra.client.model.AgentResponse;
import dev.orchestra.client.model.ApprovalDecisionRequest;
import dev.orchestra.client.model.ChatMessageRequest;
import dev.orchestra.client.model.ChatSessionRequest;
import dev.orchestra.client.model.MessageAttachmentResponse;
import dev.orchestra.client.model.ToolApproval;
import dev.orchestra.client.model.ToolExecutionRequest;
import dev.orchestra.client.model.ToolExecutionResponse;
import dev.orchestra.client.model.ClaimRequest;
import dev.orchestra.client.model.CompleteRequest;
import dev.orchestra.client.model.EnqueueRequest;
import dev.orchestra.client.model.RoutingCandidate;
import dev.orchestra.client.model.RoutingDecisionRequest;
import dev.orchestra.client.model.RoutingOutcomeRecorded;
import dev.orchestra.client.model.RoutingOutcomeRequest;
import dev.orchestra.client.model.TaskResponse;
import dev.orchestra.client.model.WorkflowDefinitionRequest;
import dev.orchestra.client.model.WorkflowDefinitionResponse;
import dev.orchestra.client.model.WorkflowExecutionChange;
import dev.orchestra.client.model.WorkflowExecutionRequest;
import dev.orchestra.client.model.WorkflowExecutionResponse;
import dev.orchestra.client.model.WorkflowGraph;
import dev.orchestra.client.model.WorkflowRecoveryClaim;
import dev.orchestra.client.model.WorkflowStep;
import dev.orchestra.client.model.WorkflowStepRecord;
import dev.orchestra.client.model.WorkflowStepRecorded;
import java.util.List;
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
    WorkflowDefinitionsApi definitions;
    WorkflowExecutionsApi executions;
    RoutingDecisionsApi routing;
    ChatApi chat;
    dev.orchestra.client.api.AdministrationApi admin;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("orchestra.storage.path", () -> directory.resolve("orchestra.db").toString());
    }

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(port).setBasePath("");
        agents = new AgentsApi(client);
        tasks = new TasksApi(client);
        definitions = new WorkflowDefinitionsApi(client);
        executions = new WorkflowExecutionsApi(client);
        routing = new RoutingDecisionsApi(client);
        chat = new ChatApi(client);
        admin = new dev.orchestra.client.api.AdministrationApi(client);
    }

    @Test
    void givenTheGeneratedClient_aBackupIsRestoredAndLogsMetricsAndClientSessionsAreKept() throws Exception {
        agents.registerAgent(new AgentRequest().id("kept").name("Kept").type("t").repositoryPath("/r"), TENANT, null);
        dev.orchestra.client.model.BackupManifest backup = admin.takeBackup(TENANT, null);
        agents.registerAgent(new AgentRequest().id("dropped").name("Dropped").type("t").repositoryPath("/r"), TENANT,
                null);

        dev.orchestra.client.model.Restoration restored = admin.restoreBackup(backup.getId(), TENANT, null);

        assertThat(restored.getVerified()).isTrue();
        assertThat(restored.getSafetyBackup().getTrigger())
                .isEqualTo(dev.orchestra.client.model.BackupManifest.TriggerEnum.BEFORE_RESTORE);
        assertThat(agents.listAgents(null, null, null, null, null, null, TENANT, null).getItems())
                .extracting(AgentResponse::getId).contains("kept").doesNotContain("dropped");
        dev.orchestra.client.model.RetentionReport dry = admin.cleanupRetention(true, TENANT, null);
        assertThat(dry.getDryRun()).isTrue();

        admin.recordLog(new dev.orchestra.client.model.OrchestrationLogRequest()
                .level(dev.orchestra.client.model.OrchestrationLogRequest.LevelEnum.ERROR).category("ui")
                .message("crashed").properties(Map.of("tab", "tasks")), TENANT, null);
        assertThat(admin.queryLogs("ERROR", "ui", null, null, null, null, null, TENANT, null).getItems())
                .extracting(dev.orchestra.client.model.OrchestrationLog::getMessage).containsExactly("crashed");
        admin.recordMetric(new dev.orchestra.client.model.MetricSampleRequest()
                .entityType(dev.orchestra.client.model.MetricSampleRequest.EntityTypeEnum.SYSTEM)
                .name("queue.depth").value(12.0).unit("tasks"), TENANT, null);
        assertThat(admin.queryMetrics("queue.depth", null, null, null, null, null, null, null, null, TENANT, null)
                .getItems()).extracting(dev.orchestra.client.model.PerformanceMetric::getValue).containsExactly(12.0);
        dev.orchestra.client.model.ClientSession session = admin.openClientSession(
                new dev.orchestra.client.model.ClientSessionRequest().clientId("ui-1"), TENANT, null);
        assertThat(admin.heartbeatClientSession(session.getId(), TENANT, null, null).getActive()).isTrue();
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

        TaskResponse claimed = tasks.claimTask(new ClaimRequest().agentId("agent-1"), null, TENANT, "agent-1");
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
        assertThat(tasks.claimTaskWithHttpInfo(new ClaimRequest().agentId("agent-1"), "PT0.2S", TENANT, null).getStatusCode())
                .isEqualTo(204);
    }

    @Test
    void givenTheGeneratedClient_claimWithStartThenCompleteAndClaimNext_handsOverTheNextTask() throws Exception {
        agents.registerAgent(new AgentRequest().id("agent-2").name("Agent 2").type("claude-code")
                .repositoryPath("/repo/loop"), TENANT, "tester");
        tasks.enqueueTask(new EnqueueRequest().id("loop-1").command("a").repositoryPath("/repo/loop")
                .priority(EnqueueRequest.PriorityEnum.HIGH), TENANT, "tester");
        tasks.enqueueTask(new EnqueueRequest().id("loop-2").command("b").repositoryPath("/repo/loop"), TENANT,
                "tester");

        TaskResponse first = tasks.claimTask(new ClaimRequest().agentId("agent-2").start(true), null, TENANT,
                "agent-2");
        dev.orchestra.client.model.Handoff handoff = tasks.completeTaskAndClaimNext("loop-1", first.getLeaseToken(),
                TENANT, "agent-2", new dev.orchestra.client.model.CompleteAndClaimRequest().result("ok").start(true));

        assertThat(first.getStatus()).isEqualTo(TaskResponse.StatusEnum.IN_PROGRESS);
        assertThat(handoff.getCompleted().getStatus()).isEqualTo(TaskResponse.StatusEnum.COMPLETED);
        assertThat(handoff.getNext().getId()).isEqualTo("loop-2");
        assertThat(handoff.getNext().getStatus()).isEqualTo(TaskResponse.StatusEnum.IN_PROGRESS);
        assertThat(tasks.completeTaskAndClaimNext("loop-2", handoff.getNext().getLeaseToken(), TENANT, "agent-2",
                null).getNext()).isNull();
    }

    @Test
    void givenTheGeneratedClient_aRefusedCall_carriesTheProblem() {
        assertThatThrownBy(() -> tasks.enqueueTask(new EnqueueRequest().command("").repositoryPath("/r"), TENANT,
                null)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"field\":\"command\"");
                });
    }

    @Test
    void givenTheGeneratedClient_aWorkflowRunsStepByStepUnderARecoveryLeaseAndItsRoutingIsAudited()
            throws Exception {
        WorkflowDefinitionResponse definition = definitions.createWorkflowDefinition(new WorkflowDefinitionRequest()
                .name("release").version("1.0.0").definition(new WorkflowGraph()
                        .addStepsItem(new WorkflowStep().id("build").type("shell").command("make"))
                        .addStepsItem(new WorkflowStep().id("ship").type("agent").addDependsOnItem("build")))
                .inputSchema(Map.of("type", "object")), TENANT, "tester");
        WorkflowExecutionResponse started = executions.startWorkflowExecution(new WorkflowExecutionRequest()
                .id("release-1").definitionId(definition.getId()).input(Map.of("tag", "v1")), TENANT, "tester");
        List<WorkflowExecutionResponse> claimed = executions.claimWorkflowRecovery(
                new WorkflowRecoveryClaim().executorId("executor-1"), TENANT, null);
        String token = claimed.get(0).getLeaseToken();

        WorkflowStepRecorded built = executions.recordWorkflowStep("release-1", new WorkflowStepRecord().stepId("build")
                .attempt(1).status(WorkflowStepRecord.StatusEnum.COMPLETED).output(Map.of("artifact", "a.tar")),
                token, TENANT, null);
        WorkflowStepRecorded shipped = executions.recordWorkflowStep("release-1", new WorkflowStepRecord()
                .stepId("ship").attempt(1).status(WorkflowStepRecord.StatusEnum.COMPLETED)
                .execution(new WorkflowExecutionChange().status(WorkflowExecutionChange.StatusEnum.COMPLETED)),
                token, TENANT, null);
        RoutingOutcomeRecorded counted = routing.recordRoutingOutcome(routing.recordRoutingDecision(
                new RoutingDecisionRequest().taskId("ship").taskType("deploy").selectedAgent("agent-9")
                        .priority(RoutingDecisionRequest.PriorityEnum.HIGH).agentScore(0.75)
                        .addCandidatesItem(new RoutingCandidate().agentKey("agent-9").score(0.75))
                        .success(true).routingDuration("PT0.002S").workflowExecutionId("release-1")
                        .workflowStepId("ship"), TENANT, null).getId(),
                new RoutingOutcomeRequest().success(true).duration("PT3S"), TENANT, null);

        assertThat(definition.getContentHash()).hasSize(64);
        assertThat(started.getStatus()).isEqualTo(WorkflowExecutionResponse.StatusEnum.PENDING);
        assertThat(claimed).extracting(WorkflowExecutionResponse::getId).containsExactly("release-1");
        assertThat(built.getExecution().getStatus()).isEqualTo(WorkflowExecutionResponse.StatusEnum.RUNNING);
        assertThat(shipped.getExecution().getStatus()).isEqualTo(WorkflowExecutionResponse.StatusEnum.COMPLETED);
        assertThat(executions.getWorkflowExecution("release-1", TENANT, null).getSteps()).hasSize(2);
        assertThat(counted.getStatistics().getSuccessRate()).isEqualTo(1.0);
        assertThat(counted.getDecision().getOutcome().getDuration()).isEqualTo("PT3S");
    }

    @Test
    void givenTheGeneratedClient_aToolIsApprovedOnceAndAFileIsAttachedAndDownloaded() throws Exception {
        chat.openChatSession(new ChatSessionRequest().id("chat-1").title("Deploy").userId("alice"), TENANT, "alice");
        chat.appendChatMessage("chat-1", new ChatMessageRequest().id("msg-1")
                .role(ChatMessageRequest.RoleEnum.USER).content("ship it"), TENANT, "alice");
        ToolExecutionResponse requested = chat.requestToolExecution("chat-1", new ToolExecutionRequest().id("run-1")
                .toolName("deploy").input(Map.of("env", "prod")).requiresApproval(true), TENANT, "agent-1");
        assertThat(requested.getStatus()).isEqualTo(ToolExecutionResponse.StatusEnum.AWAITING_APPROVAL);

        ToolExecutionResponse approved = chat.approveToolExecution("run-1", new ApprovalDecisionRequest().by("alice")
                .argumentsSha256(requested.getApproval().getArgumentsSha256()), TENANT, "alice");

        assertThat(approved.getStatus()).isEqualTo(ToolExecutionResponse.StatusEnum.PENDING);
        assertThat(approved.getApproval().getDecision()).isEqualTo(ToolApproval.DecisionEnum.APPROVED);
        assertThatThrownBy(() -> chat.rejectToolExecution("run-1", new ApprovalDecisionRequest().by("bob"), TENANT,
                "bob")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        java.io.File upload = java.nio.file.Files.writeString(directory.resolve("notes.txt"), "release notes")
                .toFile();
        MessageAttachmentResponse attached = chat.attachToMessage("msg-1", upload, TENANT, "alice");
        assertThat(attached.getSize()).isEqualTo(13);
        java.io.File downloaded = chat.downloadAttachment(attached.getId(), TENANT, "alice");
        assertThat(java.nio.file.Files.readString(downloaded.toPath())).isEqualTo("release notes");
        assertThat(chat.getAttachmentMetadata(attached.getId(), TENANT, null).getSha256())
                .isEqualTo(attached.getSha256());
    }
}
