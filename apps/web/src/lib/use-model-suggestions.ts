import { useMemo } from 'react';

import { useModels } from '../api/use-models';

/** Options for "allowed models" pickers, from the gateway's model list (free text is accepted too). */
export function useModelSuggestions(
  options: { enabled?: boolean } = {},
): { label: string; value: string }[] {
  const models = useModels(options);
  return useMemo(
    () => (models.data ?? []).map((model) => ({ label: model.id, value: model.id })),
    [models.data],
  );
}
