// What the administration tabs share.
import { useI18n } from '../../i18n/i18n.ts';

/** The edit button of a table row. */
export function EditButton({ onClick }: { onClick(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="secondary small row-edit" onClick={onClick}>
      {t('common.edit')}
    </button>
  );
}
