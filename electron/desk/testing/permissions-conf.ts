/**
 * The stream permissions of a shared story, as a nats-server configuration block: editors
 * publish any event of the story, reviewers only their key and comments; both read the stream
 * through the JetStream API and hear the story's subjects. The same text is in docs/team.md.
 */
export function storyPermissions(story: string): { editor: string; reviewer: string } {
  const stream = `ISNAD_${story}`;
  const read = [
    '"$JS.API.INFO"',
    `"$JS.API.STREAM.INFO.${stream}"`,
    `"$JS.API.CONSUMER.CREATE.${stream}"`,
    `"$JS.API.CONSUMER.CREATE.${stream}.>"`,
    `"$JS.API.CONSUMER.INFO.${stream}.>"`,
    `"$JS.API.CONSUMER.DELETE.${stream}.>"`,
    `"$JS.API.CONSUMER.MSG.NEXT.${stream}.>"`,
  ];
  const subscribe = `subscribe: { allow: ["_INBOX.>", "isnad.${story}.>"] }`;
  return {
    editor: `{ publish: { allow: ["isnad.${story}.>", ${read.join(', ')}] }, ${subscribe} }`,
    reviewer: `{ publish: { allow: ["isnad.${story}.claim.commented", "isnad.${story}.key.registered", ${read.join(', ')}] }, ${subscribe} }`,
  };
}
