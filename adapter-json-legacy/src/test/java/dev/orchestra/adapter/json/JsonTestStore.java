package dev.orchestra.adapter.json;

import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.migration.LegacyImports;
import dev.orchestra.domain.contract.Store;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import dev.orchestra.domain.template.TaskTemplates;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;

/** The JSON store as the contract suites see it. */
record JsonTestStore(JsonStore json) implements Store {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static JsonTestStore in(Path directory) {
        return new JsonTestStore(JsonStore.open(directory.resolve("orchestrator-state.json"), VALIDATOR,
                Clock.systemUTC()));
    }

    @Override
    public UnitOfWork unitOfWork() {
        return json.unitOfWork();
    }

    @Override
    public Agents agents() {
        return json.agents();
    }

    @Override
    public Tasks tasks() {
        return json.tasks();
    }

    @Override
    public CodeRepositories repositories() {
        return json.repositories();
    }

    @Override
    public Preferences preferences() {
        return json.preferences();
    }

    @Override
    public AuditTrail auditTrail() {
        return json.auditTrail();
    }

    @Override
    public LegacyImports legacyImports() {
        return json.legacyImports();
    }

    @Override
    public StoreMaintenance maintenance() {
        return json.maintenance();
    }

    @Override
    public TaskTemplates templates() {
        return json.templates();
    }

    @Override
    public void close() {
        json.close();
    }
}
