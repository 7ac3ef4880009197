package dev.orchestra.adapter.rest.shared;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and header booleans are {@code true} or {@code false}. Without this, a value the conversion
 * service refuses falls back to Spring's default editor, which also takes yes, on and 1.
 */
@ControllerAdvice
public class StrictBinding {
    @InitBinder
    void strictBooleans(WebDataBinder binder) {
        binder.registerCustomEditor(Boolean.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : WireValues.bool(text));
            }
        });
        binder.registerCustomEditor(boolean.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(WireValues.bool(text == null ? "" : text));
            }
        });
    }
}
