/**
 * The example flows as data, for the studio's template gallery (the files themselves are the
 * fixtures of the tests and of `amana` on the command line). Read them with parseFlow.
 */
export { default as clinicAppointment } from './clinic-appointment.flow.json';
export { default as leadCapture } from './lead-capture.flow.json';
export { default as orderStatus } from './order-status.flow.json';
export { default as pizzaDelivery } from './pizza-delivery.flow.json';
export { default as supportCpf } from './support-cpf.flow.json';
