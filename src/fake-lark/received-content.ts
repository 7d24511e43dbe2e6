/**
 * The `content` of received messages by type, as Lark documents them
 * (https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content), for
 * `fake.sendMessageEvent({ content: received.post(...) })`.
 */
type Received = { messageType: string; content: Record<string, unknown> };

export const received = {
  /** A received post has no locale key, unlike the sending shape. Lines of nodes: text, a, at, img, media, emotion, hr, code_block. */
  post(title: string, lines: Array<Array<Record<string, unknown>>>): Received {
    return { messageType: 'post', content: { title, content: lines } };
  },
  image(imageKey = 'img_v3_fake_0001'): Received {
    return { messageType: 'image', content: { image_key: imageKey } };
  },
  file(fileKey: string, fileName: string): Received {
    return { messageType: 'file', content: { file_key: fileKey, file_name: fileName } };
  },
  audio(fileKey = 'file_v3_fake_audio', durationMs = 2000): Received {
    return { messageType: 'audio', content: { file_key: fileKey, duration: durationMs } };
  },
  media(fileKey = 'file_v3_fake_media', fileName = '现场.mp4', imageKey = 'img_v3_fake_cover', durationMs = 9000): Received {
    return { messageType: 'media', content: { file_key: fileKey, image_key: imageKey, file_name: fileName, duration: durationMs } };
  },
  sticker(fileKey = 'file_v3_fake_sticker'): Received {
    return { messageType: 'sticker', content: { file_key: fileKey } };
  },
  mergeForward(): Received {
    return { messageType: 'merge_forward', content: { content: 'Merged and Forwarded Message' } };
  },
  /** Lark returns no JSON 2.0 content for cards; what arrives is a legacy rendering. */
  interactive(): Received {
    return { messageType: 'interactive', content: { title: '', elements: [[{ tag: 'text', text: '请升级至最新版本客户端，以查看内容' }]] } };
  },
  shareChat(chatId: string): Received {
    return { messageType: 'share_chat', content: { chat_id: chatId } };
  },
  system(template = '{from_user} invited {to_chatters} to this chat.', fromUser: string[] = ['张伟'], toChatters: string[] = ['李娜']): Received {
    return { messageType: 'system', content: { template, from_user: fromUser, to_chatters: toChatters, divider_text: {} } };
  },
  /** A type the bot does not read (location, todo, vote, calendar, …). */
  other(messageType: string, content: Record<string, unknown> = {}): Received {
    return { messageType, content };
  },
};
