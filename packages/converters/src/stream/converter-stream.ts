/** A converter that turns each input into zero or more outputs, and may add some at the end. */
export interface StreamConverter<Input, Output> {
  push(input: Input): Output[];
  finish(): Output[];
}

/** A `TransformStream` that runs every chunk through `converter`, then its `finish()`. */
export function converterStream<Input, Output>(
  converter: StreamConverter<Input, Output>,
): TransformStream<Input, Output> {
  return new TransformStream({
    transform(input, controller) {
      for (const output of converter.push(input)) controller.enqueue(output);
    },
    flush(controller) {
      for (const output of converter.finish()) controller.enqueue(output);
    },
  });
}
