/**
 * The app instance's attachment store and limits, built once from the validated app settings:
 * one blob client per instance, shared by every invocation. Locally the container is created on
 * first use (Azurite starts empty); in Azure the template created it and the identity may not.
 */
import { appConfig } from '../config/load-config';
import { attachmentContainerFromConfig } from '../config/attachment-container';
import { blobAttachmentStore } from './attachment-store';
import type { AttachmentPort } from './upload-attachments';

let port: AttachmentPort | undefined;

export function appAttachments(): AttachmentPort {
  if (port === undefined) {
    const config = appConfig();
    const container = attachmentContainerFromConfig(config);
    port = {
      limits: config.attachmentLimits,
      store: container === undefined ? undefined : blobAttachmentStore(container, { createContainer: config.environment === 'local' }),
    };
  }
  return port;
}
