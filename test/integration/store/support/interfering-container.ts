/**
 * A container whose item replaces are preceded by another writer's change, awaited, so a test can
 * put a concurrent write exactly between a read and its guarded replace.
 */
import type { Container, Item } from '@azure/cosmos';

export function withWriterBeforeEachReplace(container: Container, otherWriter: () => Promise<void>): Container {
  const interferingItem = (item: Item): Item =>
    new Proxy(item, {
      get(target, property, receiver) {
        if (property === 'replace') {
          return async (...args: Parameters<Item['replace']>) => {
            await otherWriter();
            return target.replace(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  return new Proxy(container, {
    get(target, property, receiver) {
      if (property === 'item') return (...args: Parameters<Container['item']>) => interferingItem(target.item(...args));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
