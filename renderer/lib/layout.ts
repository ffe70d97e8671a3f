/**
 * Description under the input instead of above it: fields side by side stay aligned even when
 * their descriptions differ in length.
 */
export const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
