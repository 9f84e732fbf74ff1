import type { AnthropicContentBlockParam } from '../anthropic/request-schema';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type { OpenAIUserContentPart } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { parseDataUrl, resolveBase64ImageMediaType } from './image-source';

interface PartContext {
  param: string;
  warnings: ConversionWarning[];
}

function convertImageUrl(url: string, context: PartContext): AnthropicContentBlockParam {
  const dataUrl = parseDataUrl(url);
  if (dataUrl === undefined) {
    if (!/^https?:\/\//i.test(url)) {
      throw new InvalidRequestError({
        message: `${context.param}.image_url.url: expected an http(s) URL or a base64 data URL.`,
        param: `${context.param}.image_url.url`,
      });
    }
    return { type: 'image', source: { type: 'url', url } };
  }
  if (!dataUrl.base64) {
    if (dataUrl.mediaType === 'image/svg+xml') {
      resolveBase64ImageMediaType({ declared: dataUrl.mediaType, data: '', ...context });
    }
    throw new InvalidRequestError({
      message: `${context.param}.image_url.url: data URL images must be base64-encoded.`,
      param: `${context.param}.image_url.url`,
    });
  }
  const mediaType = resolveBase64ImageMediaType({
    declared: dataUrl.mediaType,
    data: dataUrl.data,
    ...context,
  });
  return { type: 'image', source: { type: 'base64', media_type: mediaType, data: dataUrl.data } };
}

function decodeBase64Text(base64: string): string {
  const binary = atob(base64.replace(/\s+/g, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function guessFileMediaType(filename: string | undefined, data: string): string {
  if (data.startsWith('JVBERi0')) return 'application/pdf';
  const extension = filename?.toLowerCase().split('.').pop();
  if (extension === 'pdf') return 'application/pdf';
  if (extension === 'txt' || extension === 'md') return 'text/plain';
  return 'application/octet-stream';
}

function convertFile(
  file: {
    file_data?: string | undefined;
    file_id?: string | undefined;
    filename?: string | undefined;
  },
  context: PartContext,
): AnthropicContentBlockParam {
  const param = `${context.param}.file`;
  if (file.file_data === undefined) {
    throw new InvalidRequestError({
      message: `${param}: uploaded file ids are not supported; send the file inline as file_data.`,
      param,
    });
  }
  const dataUrl = parseDataUrl(file.file_data);
  const data = dataUrl?.data ?? file.file_data;
  const mediaType = dataUrl?.mediaType ?? guessFileMediaType(file.filename, data);
  const title = file.filename === undefined ? {} : { title: file.filename };
  if (mediaType === 'application/pdf') {
    return {
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data },
      ...title,
    };
  }
  if (mediaType.startsWith('image/'))
    return convertImageUrl(`data:${mediaType};base64,${data}`, context);
  if (mediaType.startsWith('text/')) {
    return {
      type: 'document',
      source: { type: 'text', media_type: 'text/plain', data: decodeBase64Text(data) },
      ...title,
    };
  }
  throw new InvalidRequestError({
    message: `${param}: unsupported file type ${mediaType}; send a PDF, plain text or an image.`,
    param,
  });
}

/**
 * Converts the parts of an OpenAI user message to Anthropic blocks: text, images (base64 data URLs
 * with their media type checked, or http(s) URLs), and files (PDF and text as documents, images as
 * images). Audio has no Anthropic equivalent and is rejected with a clear error.
 */
export function convertOpenAIUserContent(options: {
  content: string | readonly OpenAIUserContentPart[];
  param: string;
  warnings: ConversionWarning[];
}): AnthropicContentBlockParam[] {
  const { content, param, warnings } = options;
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index): AnthropicContentBlockParam => {
    const context = { param: `${param}.${index}`, warnings };
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'image_url':
        return convertImageUrl(part.image_url.url, context);
      case 'file':
        return convertFile(part.file, context);
      case 'input_audio':
        throw new InvalidRequestError({
          message: `${context.param}: audio input is not supported by this model.`,
          param: context.param,
        });
    }
  });
}
