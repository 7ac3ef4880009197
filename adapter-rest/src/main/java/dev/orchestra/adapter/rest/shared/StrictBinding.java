package dev.orchestra.adapter.rest.shared;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and header values are read as the document says: booleans are {@code true} or {@code false},
 * integers are decimal digits. Without this, Spring's default editors also take yes, on and 1 for a
 * boolean and {@code 0x10} (hex) for a number.
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
        for (Class<?> type : new Class<?>[] {Integer.class, int.class}) {
            binder.registerCustomEditor(type, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(text == null || text.isEmpty() ? null : WireValues.integer(text));
                }
            });
        }
    }
}
