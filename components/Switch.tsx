/**
 * A labelled on/off switch: a real checkbox with role="switch", so it is reachable with Tab,
 * toggled with Space, and announced as a switch. The label wraps the input (one click target).
 */
import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  label: ComponentChildren;
  hint?: ComponentChildren;
  testId?: string;
  disabled?: boolean;
  id?: string;
}

export function Switch({ checked, onChange, label, hint, testId, disabled, id }: SwitchProps) {
  return (
    <label class="switch-row" for={id}>
      <span class="switch-text">
        <span class="switch-label">{label}</span>
        {hint ? <span class="switch-hint">{hint}</span> : null}
      </span>
      <input
        id={id}
        type="checkbox"
        role="switch"
        class="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </label>
  );
}
