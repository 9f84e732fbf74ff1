import { useState } from 'react';

/** What a create-or-edit modal takes; without an `editing` item it creates one. */
export interface EditorModalProps<Item, Body> {
  open: boolean;
  editing?: Item | undefined;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: Body) => void;
  onCancel: () => void;
}

/** A page's create-or-edit modal: whether it is open, and for which item (none when creating). */
export function useEditorModal<Item>(options: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Item | undefined>();
  return {
    open,
    editing,
    create: () => setOpen(true),
    edit: (item: Item) => {
      setEditing(item);
      setOpen(true);
    },
    close: () => {
      setOpen(false);
      setEditing(undefined);
      options.onClose();
    },
  };
}
