// What getMe answers for a bot: every field the Bot API sends, so grammY's typed botInfo is complete.
import type { UserFromGetMe } from 'grammy/types';

export function botInfoOf(id: number, firstName: string, username: string, canJoinGroups: boolean): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: canJoinGroups,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
