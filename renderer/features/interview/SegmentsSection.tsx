import { Accordion, Badge, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import type { InterviewForm } from '../../../shared/domain/interviewForm';
import { segmentKey, type InterviewValues } from './interviewForm';

/** The parts of the questionnaire; the mandatory ones (A, H, I, J) open and marked. */
export function SegmentsSection({
  form,
  definition,
  missing,
  hidden,
  alsoOpen = [],
}: {
  form: UseFormReturn<InterviewValues>;
  definition: InterviewForm;
  /** Mandatory segments still lacking a required answer. */
  missing: readonly string[];
  /** Segments this user may not read (art. 16 u.w.r.). */
  hidden: readonly string[];
  /** Optional segments to show open as well (Part IV in an update). */
  alsoOpen?: readonly string[];
}) {
  const errors = form.formState.errors.segments;
  const segments = definition.segments.filter((segment) => !hidden.includes(segment.code));
  return (
    <Accordion multiple variant="separated" chevronPosition="left" defaultValue={segments.filter((s) => s.mandatory || alsoOpen.includes(s.code)).map((s) => s.code)}>
      {segments.map((segment) => {
        const key = segmentKey(segment.code);
        const incomplete = missing.includes(segment.code);
        return (
          <Accordion.Item key={segment.code} value={segment.code}>
            <Accordion.Control>
              <Group gap="sm" wrap="wrap">
                <Text fw={700} ff="monospace">
                  {segment.code}
                </Text>
                <Text fw={600}>{segment.title}</Text>
                {segment.mandatory ? (
                  <Badge variant="light" color={incomplete ? 'red' : 'green'}>
                    {incomplete ? 'Obowiązkowa — do uzupełnienia' : 'Obowiązkowa — wypełniona'}
                  </Badge>
                ) : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {segment.fields.map((field) => {
                  const name = `segments.${key}.${field.key}` as const;
                  const error = errors?.[key]?.[field.key]?.message;
                  return field.long ? (
                    <Textarea key={field.key} label={field.label} withAsterisk={field.required} autosize minRows={3} maxRows={16} {...form.register(name)} error={error} />
                  ) : (
                    <TextInput key={field.key} label={field.label} withAsterisk={field.required} {...form.register(name)} error={error} />
                  );
                })}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
