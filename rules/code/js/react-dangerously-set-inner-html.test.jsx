// Samples for code/js/react-dangerously-set-inner-html.
export function Comment({ comment }) {
  return (
    <div>
      {/* bulwark-expect: react-dangerously-set-inner-html */}
      <p dangerouslySetInnerHTML={{ __html: comment.body }} />
      {/* bulwark-expect: react-dangerously-set-inner-html */}
      <p dangerouslySetInnerHTML={{ __html: marked(comment.markdown) }} />
      {/* bulwark-ok: react-dangerously-set-inner-html (sanitised first) */}
      <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
      {/* bulwark-ok: react-dangerously-set-inner-html (the safe variant: text children are escaped) */}
      <p>{comment.body}</p>
    </div>
  );
}
