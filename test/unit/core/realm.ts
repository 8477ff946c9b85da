import vm from 'node:vm';

/** A Date built in another realm, as Sheets values can be: `instanceof Date` is false for it. */
export function foreignDate(iso: string): Date {
  return vm.runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date;
}
