import { fmt, t } from '../i18n/index.ts';
import { clear, h } from '../ui/dom.ts';
import { viewParam } from '../url-state.ts';
import type { ScenarioDoc } from './api.ts';

/**
 * The payment's settings in the scenario editor: the amount a month (a slider whose range and
 * step follow the example's own amount: 0 to three times it in round steps), how many years each
 * recipient is paid (1-5), and who is paid (graduates who stay, graduates who arrive). An
 * example sets them to its own; an own scenario starts at 1,000 a month, 3 years, stayers; a
 * link's settings (url-state.ts) go over either.
 */
export const ELIGIBILITY = ['stayers', 'arrivals'] as const;

/** A round step for a slider running from 0 to `max` in about 30 steps. */
function niceStep(max: number): number {
  const raw = max / 30;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export interface PaymentControls {
  /** The fields, in the order they are shown. */
  readonly fields: readonly HTMLElement[];
  /** Per recipient and month. */
  monthly(): number;
  benefitYears(): number;
  eligibility(): string[];
  /** Writes the amount with its currency's word next to the slider; the text names the payment in exports. */
  showAmount(money: string): string;
  /** The example's settings, or an own scenario's defaults (undefined). */
  apply(iv: ScenarioDoc['interventions'][number] | undefined): void;
  /** The link's settings, read now (before the example's are written into the URL), applied when the returned function is called. */
  linked(): () => void;
  /** The settings as the link writes them. */
  urlParams(): Record<string, string>;
  /** Labels in the page's language. */
  render(): void;
}

export function createPaymentControls(onChange: () => void): PaymentControls {
  const slider = h('input', { id: 's-subsidy', class: 'slider', type: 'range', min: 0, max: 3000, step: 100, value: 1000, 'aria-describedby': 's-subsidy-value' });
  const sliderValue = h('output', { id: 's-subsidy-value', class: 'slider-value', for: 's-subsidy' });
  const yearsInput = h('input', { id: 's-years', type: 'number', min: 1, max: 5, value: 3 });
  const eligibilityBox = h('div', { class: 'checks', role: 'group' });
  let eligibility: string[] = ['stayers'];

  function render(): void {
    clear(eligibilityBox);
    for (const e of ELIGIBILITY) {
      eligibilityBox.append(h('label', {}, h('input', {
        type: 'checkbox', value: e, 'data-eligible': e, checked: eligibility.includes(e),
        onchange: (ev: Event) => {
          const on = (ev.target as HTMLInputElement).checked;
          eligibility = ELIGIBILITY.filter((x) => (x === e ? on : eligibility.includes(x)));
          onChange();
        },
      }), ` ${t(`scenario.eligible.${e}`)}`));
    }
  }

  slider.addEventListener('input', onChange);
  yearsInput.addEventListener('change', onChange);
  return {
    fields: [
      h('div', { class: 'field' }, h('label', { for: 's-subsidy', i18n: 'scenario.subsidy' }), slider, sliderValue),
      h('div', { class: 'field' }, h('label', { for: 's-years', i18n: 'scenario.years' }), yearsInput),
      h('fieldset', {}, h('legend', { i18n: 'scenario.eligibility' }), eligibilityBox),
    ],
    monthly: () => Number(slider.value),
    benefitYears: () => Math.max(1, Math.min(5, Number(yearsInput.value) || 3)),
    eligibility: () => [...eligibility],
    showAmount(money) {
      return (sliderValue.textContent = `${fmt(Number(slider.value))} ${money}`);
    },
    apply(iv) {
      const monthly = iv?.cost?.amount ? iv.cost.amount / 12 : 1000;
      const step = niceStep(3 * monthly);
      slider.step = String(step);
      slider.max = String(Math.ceil((3 * monthly) / step) * step);
      slider.value = String(Math.round(monthly / step) * step);
      yearsInput.value = String(iv?.benefitYears ?? 3);
      eligibility = ELIGIBILITY.filter((e) => (iv?.eligibility ?? ['stayers']).includes(e));
      render();
    },
    linked() {
      const amount = viewParam('s.amount');
      const years = viewParam('s.years');
      const paid = viewParam('s.paid');
      return () => {
        if (amount !== null && /^\d{1,9}$/.test(amount)) slider.value = String(Math.min(Number(slider.max), Number(amount)));
        if (years !== null && /^[1-5]$/.test(years)) yearsInput.value = years;
        if (paid !== null) eligibility = ELIGIBILITY.filter((e) => paid.split(',').includes(e));
        render();
      };
    },
    urlParams: () => ({ 's.amount': slider.value, 's.years': yearsInput.value, 's.paid': eligibility.join(',') || 'none' }),
    render,
  };
}
