-- rule: employees are hired as adults
select count(*) from employees where hire_date < birth_date + interval '18 years';
-- rule: birth dates are plausible (18 to 80 years before the data's present)
select count(*) from employees where birth_date < date '1940-01-01' or birth_date > current_date - interval '16 years';
-- rule: terminated employees have a termination date, and only they
select count(*) from employees where (status = 'terminated') <> (termination_date is not null);
-- rule: a manager was hired before their report is managed
select count(*) from employees e join employees m on m.id = e.manager_id where m.termination_date is not null and m.termination_date < e.hire_date;
-- rule: salaries start on or after the hire date
select count(*) from salaries s join employees e on e.id = s.employee_id where s.effective_from < e.hire_date;
-- rule: salaries are plausible yearly amounts
select count(*) from salaries where annual_amount < 10000 or annual_amount > 1000000;
-- rule: net pay is gross pay less tax
select count(*) from payslips where net_pay > gross_pay - tax_withheld + 0.01;
-- rule: payslips are for periods the employee was employed
select count(*) from payslips p join employees e on e.id = p.employee_id join pay_periods pp on pp.id = p.pay_period_id where pp.ends_on < e.hire_date;
-- rule: decided leave requests have decided_at, open ones do not
select count(*) from leave_requests where (status in ('approved', 'rejected')) <> (decided_at is not null) and status <> 'cancelled';
-- rule: approved leave has an approver other than the employee
select count(*) from leave_requests where status = 'approved' and (approver_id is null or approver_id = employee_id);
-- rule: work emails are emails of the company domain shape
select count(*) from employees where work_email !~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$';
-- rule: job titles are not Latin
select count(*) from employees where job_title ~* '\m(lorem|ipsum|dolor|amet|consectetur|adipisci|tempora|voluptas)\M';
-- rule: leave lasts at most a few months
select count(*) from leave_requests where ends_on - starts_on > 120;
-- rule: leave is approved within the employee's department
select count(*) from leave_requests l join employees e on e.id = l.employee_id join employees a on a.id = l.approver_id where a.department_id <> e.department_id;
