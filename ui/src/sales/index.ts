/** The sales feature's public entry: the dashboard the home page shows. */
export { SalesDashboard } from './SalesDashboard.tsx';
