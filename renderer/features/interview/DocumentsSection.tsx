import { Accordion, Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { RELATION_LABELS, type MemberView, type Relation } from '../../../shared/cases';
import { DOCUMENT_CHECKLIST } from '../../../shared/domain/interviewForm';
import { DOCUMENT_STATUSES, DOCUMENT_STATUS_LABELS, type InterviewValues } from './interviewForm';

const asStatus = (value: string) => DOCUMENT_STATUSES.find((status) => status === value) ?? null;

/** The documents each person brought (seed 003's list): received, missing or not applicable. */
export function DocumentsSection({ form, members }: { form: UseFormReturn<InterviewValues>; members: readonly MemberView[] }) {
  const documents = useWatch({ control: form.control, name: 'documents' });
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {members.map((member) => {
        const statuses = Object.values(documents[member.person.id] ?? {});
        const received = statuses.filter((status) => status === 'received').length;
        const missing = statuses.filter((status) => status === 'missing').length;
        return (
          <Accordion.Item key={member.id} value={member.person.id}>
            <Accordion.Control>
              <Group gap="sm" wrap="wrap">
                <Text fw={600}>
                  {member.person.firstName} {member.person.lastName}
                </Text>
                <Text c="dimmed" size="sm">
                  {RELATION_LABELS[member.relation as Relation] ?? member.relation}
                </Text>
                <Badge variant="light" color={received > 0 ? 'green' : 'gray'}>
                  Dostarczono: {received}
                </Badge>
                {missing > 0 ? (
                  <Badge variant="light" color="red">
                    Brak: {missing}
                  </Badge>
                ) : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {DOCUMENT_CHECKLIST.map((document) => (
                  <Controller
                    key={document.key}
                    control={form.control}
                    // Person ids are UUIDs: safe as path segments.
                    name={`documents.${member.person.id}.${document.key}`}
                    render={({ field }) => (
                      <Radio.Group
                        label={document.label}
                        value={field.value ?? ''}
                        onChange={(value) => field.onChange(asStatus(value))}
                        size="sm"
                      >
                        <Group gap="lg" mt={4}>
                          {DOCUMENT_STATUSES.map((status) => (
                            <Radio key={status} value={status} label={DOCUMENT_STATUS_LABELS[status]} />
                          ))}
                        </Group>
                      </Radio.Group>
                    )}
                  />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
