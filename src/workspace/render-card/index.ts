export { renderCard, type CardRenderOptions, type RenderedCard } from './render';
export { renderMarkdown, inline as renderInlineMarkdown } from './markdown';
export { esc, attrs } from './html';
export { pick, type Lang, type Person, type RenderContext } from './text';
export { interactiveNodes, formOf } from './walk';
