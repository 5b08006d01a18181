// sslErrors(errors), a QSslSocket's and a QNetworkReply's: Qt reads whether the slots called
// ignoreSslErrors (and with which errors) as soon as the emission returns, and waits for the
// answer (native/ssl_errors_ask.h). While the slots run, ignoreSslErrors() answers that question;
// elsewhere it goes to Qt for the handshake to come.
import { checkArity } from './args';
import type { NativeSslError } from './native';
import { QSslError, adopt as adoptError, nativeOf as nativeOfError } from '../QSslError';

interface Asked {
  all: boolean;
  errors: QSslError[] | null;
}

export class SslErrorsQuestion {
  // Set while the sslErrors slots run: what their ignoreSslErrors calls asked for.
  private asked: Asked | undefined = undefined;

  /** Runs the slots (emit) with the question open, then answers Qt (serial 0: Qt does not wait). */
  ask(
    [errors, serial]: [NativeSslError[], number],
    emit: (errors: QSslError[]) => void,
    answer: (serial: number, all: boolean, errors: NativeSslError[] | null) => void,
  ): void {
    const outer = this.asked;
    const asked = (this.asked = { all: false, errors: null as QSslError[] | null });
    try {
      emit(errors.map(adoptError));
    } finally {
      this.asked = outer;
      if (serial !== 0) answer(serial, asked.all, asked.errors ? asked.errors.map(nativeOfError) : null);
    }
  }

  /**
   * ignoreSslErrors(errors?) as `name` was called (`args`, its arguments): inside the slots, the
   * answer (undefined returned); elsewhere what to hand Qt: null for all, or the native errors.
   */
  ignore(name: string, args: IArguments, errors: unknown): NativeSslError[] | null | undefined {
    checkArity(name, args, 0, 1);
    let list: QSslError[] | null = null;
    if (args.length === 1) {
      if (errors === null || typeof errors !== 'object' || !(Symbol.iterator in errors))
        throw new TypeError(`${name}: argument 'errors' must be an iterable of QSslError`);
      list = [...(errors as Iterable<unknown>)] as QSslError[];
      if (!list.every((e) => e instanceof QSslError))
        throw new TypeError(`${name}: argument 'errors' must be an iterable of QSslError`);
    }
    if (this.asked) {
      if (list) this.asked.errors = list;
      else this.asked.all = true;
      return undefined;
    }
    return list ? list.map(nativeOfError) : null;
  }
}
